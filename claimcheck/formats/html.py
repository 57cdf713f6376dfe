"""One self-contained HTML page a journalist can open: conflicts side by side, values
highlighted, outlets with links, grouped by topic, filterable by kind.

Safety: every piece of article text goes through ``html.escape``, links are kept only
for http(s) URLs, and a Content-Security-Policy allows exactly the page's own inline
script and style (by hash), so even a missed escape could not run an article's script.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from html import escape
from urllib.parse import urlsplit

from claimcheck.formats.claims_view import claim_rows, claims_heading
from claimcheck.formats.facts import (
    articles_line,
    conflicts_line,
    no_conflicts_line,
    sentences_line,
)
from claimcheck.formats.json_format import summary
from claimcheck.formats.markdown import mark_values
from claimcheck.models import Claim, Conflict, DateMention, Document, Quantity, Report

_STYLE = """
:root{--fg:#1d2433;--muted:#5b6475;--line:#d8dde6;--bg:#f6f7f9;--card:#fff}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--fg);background:var(--bg)}
header,main{max-width:1200px;margin:0 auto;padding:16px 24px}
h1{margin:8px 0;font-size:1.6em}h2{font-size:1.15em;margin:28px 0 8px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
#filters{border:1px solid var(--line);border-radius:6px;padding:8px 12px;background:var(--card)}
#filters label{margin-right:16px;white-space:nowrap}
article.conflict{background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:12px 16px;margin:12px 0}
article.conflict header{padding:0;margin:0 0 8px;display:flex;gap:12px;align-items:baseline}
.kind{font-weight:700;text-transform:uppercase;font-size:.8em;padding:2px 8px;
border-radius:10px;color:#fff;background:#6b7280}
.kind-numeric{background:#c0392b}.kind-unspecified{background:#8e44ad}
.kind-date{background:#b7791f}.kind-statement{background:#1f7a8c}
.score,.fingerprint{color:var(--muted);font-size:.85em}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:16px}
@media (max-width:800px){.sides{grid-template-columns:1fr}}
blockquote{margin:0;padding:8px 12px;border-left:4px solid var(--line);background:var(--bg)}
.who{font-weight:600}.where{color:var(--muted);font-size:.85em}
mark{background:#ffe58a;font-weight:700;padding:0 2px;border-radius:2px}
.explanation{font-style:italic;margin:8px 0 0}
table{border-collapse:collapse;width:100%;background:var(--card)}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
.empty{color:#1e7b34;font-weight:600}
"""

# Filters by kind; "#kinds=numeric,date" in the address pre-selects some (and lets the
# tests drive the filter in a headless browser without clicking).
_SCRIPT = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input"));
  function apply() {
    var on = {};
    boxes.forEach(function (box) { on[box.value] = box.checked; });
    var cards = document.querySelectorAll("article.conflict");
    Array.prototype.forEach.call(cards, function (card) {
      card.hidden = !on[card.getAttribute("data-kind")];
    });
    Array.prototype.forEach.call(document.querySelectorAll("section.topic"), function (s) {
      s.hidden = !s.querySelector("article.conflict:not([hidden])");
    });
    var shown = document.querySelectorAll("article.conflict:not([hidden])").length;
    document.getElementById("shown").textContent = String(shown);
  }
  var wanted = /kinds=([\\w,]*)/.exec(window.location.hash);
  if (wanted) {
    var kinds = wanted[1].split(",");
    boxes.forEach(function (box) { box.checked = kinds.indexOf(box.value) >= 0; });
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  apply();
  document.documentElement.setAttribute("data-ready", "1");
})();
"""


class HtmlFormatter:
    name = "html"

    def render(self, report: Report, options=None) -> str:
        return render_html(report)


def render_html(report: Report) -> str:
    """The report as one HTML page with inline CSS and JavaScript only."""
    documents = {seg.document.id: seg.document for seg in report.documents}
    policy = (f"default-src 'none'; style-src '{_sha256(_STYLE)}'; "
              f"script-src '{_sha256(_SCRIPT)}'; img-src data:; base-uri 'none'; "
              "form-action 'none'")
    parts = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>claimcheck report</title>", f"<style>{_STYLE}</style>", "</head>",
             "<body>", _header(report), "<main>"]
    if report.disputed:
        parts.append(_claims_section(report))
    if report.conflicts:
        parts.append(_filters(report.conflicts))
        parts.extend(_topic_sections(report, documents))
    else:
        parts.append(f'<p class="empty">{escape(no_conflicts_line(summary(report)))}</p>')
    parts.append(_articles_table(report))
    parts += ["</main>", f"<script>{_SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _header(report: Report) -> str:
    facts = summary(report)
    rows = [("Articles", articles_line(facts)),
            ("Languages", ", ".join(facts["languages"]) or "-"),
            ("Sentences", sentences_line(facts, pairs=False)),
            ("Conflicts", conflicts_line(facts)),
            ("Embedder", report.embedder)]
    facts_html = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    warnings = "".join(f"<li>{escape(w)}</li>" for w in report.warnings)
    return ("<header><h1>claimcheck report</h1>"
            f'<dl class="facts">{facts_html}</dl>'
            + (f'<ul class="warnings">{warnings}</ul>' if warnings else "") + "</header>")


def _claims_section(report: Report) -> str:
    cards = []
    for claim in report.disputed:
        rows = "".join(f"<tr><td>{escape(row.published)}</td><td>{escape(row.outlet)}</td>"
                       f"<td><mark>{escape(row.value)}</mark></td><td>{escape(row.sentence)}</td>"
                       "</tr>" for row in claim_rows(claim))
        cards.append(f'<article class="claim {escape(claim.verdict)}">'
                     f"<h3>{escape(claim.measure)}: {escape(claim.verdict)}</h3>"
                     f'<p class="why">{escape(claim.explanation)}</p>'
                     "<table><thead><tr><th>published</th><th>outlet</th><th>value</th>"
                     f"<th>sentence</th></tr></thead><tbody>{rows}</tbody></table></article>")
    return (f'<section class="claims"><h2>{escape(claims_heading(report))}</h2>'
            + "".join(cards) + "</section>")


def _filters(conflicts: Sequence[Conflict]) -> str:
    counts: dict[str, int] = {}
    for conflict in conflicts:
        counts[conflict.kind] = counts.get(conflict.kind, 0) + 1
    boxes = "".join(
        f'<label><input type="checkbox" value="{escape(kind)}" checked> '
        f'{escape(kind)} ({count})</label>' for kind, count in sorted(counts.items()))
    return (f'<fieldset id="filters"><legend>Show kinds</legend>{boxes} '
            f'<span class="where"><span id="shown">{len(conflicts)}</span> shown</span>'
            "</fieldset>")


def _topic_sections(report: Report, documents: dict[str, Document]) -> list[str]:
    labels = {topic.id: topic.label for topic in report.topics}
    groups: dict[int | None, list[Conflict]] = {}
    for conflict in report.conflicts:
        groups.setdefault(conflict.topic, []).append(conflict)
    ordered = sorted(groups.items(), key=lambda item: (item[0] is None,
                                                       -max(c.score for c in item[1])))
    sections = []
    for topic, conflicts in ordered:
        if topic is None:
            title = "Sentences outside any topic"
        else:
            title = f"Topic {topic}: {labels.get(topic, '')}".rstrip(": ")
        cards = "\n".join(_card(conflict, documents) for conflict in conflicts)
        sections.append(f'<section class="topic" data-topic="{escape(str(topic))}">'
                        f"<h2>{escape(title)}</h2>\n{cards}</section>")
    return sections


def _card(conflict: Conflict, documents: dict[str, Document]) -> str:
    kind = conflict.kind + (f"/{conflict.detail}" if conflict.detail else "")
    return (f'<article class="conflict" data-kind="{escape(conflict.kind)}" '
            f'id="conflict-{escape(conflict.id)}">'
            f'<header><span class="kind kind-{escape(conflict.kind)}">{escape(kind)}</span>'
            f'<span class="score">score {conflict.score:.2f}</span>'
            f'<span class="fingerprint">#{escape(conflict.id)}</span></header>'
            '<div class="sides">'
            f"{_side('A', conflict.a, conflict.a_values, documents)}"
            f"{_side('B', conflict.b, conflict.b_values, documents)}</div>"
            f'<p class="explanation">{escape(conflict.explanation)}</p>'
            f'<p class="where">judge: {escape(conflict.judge)}</p></article>')


def _side(label: str, claim: Claim, values: Sequence[Quantity | DateMention],
          documents: dict[str, Document]) -> str:
    document = documents.get(claim.sentence.doc)
    outlet = escape(claim.outlet)
    url = document.url if document else None
    who = f'<a href="{escape(url)}" rel="noopener noreferrer">{outlet}</a>' if _safe_url(url) \
        else outlet
    where = f"{claim.sentence.doc}, line {claim.sentence.line}"
    if claim.published:
        where += f", {claim.published.isoformat()}"
    return (f'<blockquote class="side side-{label.lower()}">'
            f'<div><span class="who">{label}. {who}</span> '
            f'<span class="where">({escape(where)})</span></div>'
            f"<p>{highlight(claim.sentence.text, values)}</p></blockquote>")


def highlight(text: str, values: Sequence[Quantity | DateMention]) -> str:
    """``text`` escaped, with each value wrapped in ``<mark>``."""
    return mark_values(text, values, escape, "<mark>", "</mark>")


def _articles_table(report: Report) -> str:
    rows = []
    for seg in report.documents:
        doc = seg.document
        title = escape(doc.title or doc.id)
        if _safe_url(doc.url):
            title = f'<a href="{escape(doc.url)}" rel="noopener noreferrer">{title}</a>'
        rows.append(f"<tr><td>{escape(doc.outlet)}</td><td>{title}</td>"
                    f"<td>{escape(doc.published.isoformat() if doc.published else '-')}</td>"
                    f"<td>{escape(seg.language)}</td><td>{len(seg.sentences)}</td>"
                    f"<td>{escape(doc.path)}</td></tr>")
    return ("<h2>Articles</h2><table><thead><tr><th>outlet</th><th>article</th>"
            "<th>published</th><th>language</th><th>sentences</th><th>file</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _safe_url(url: str | None) -> bool:
    # javascript: and data: links would run or smuggle content; only the web is linked.
    return bool(url) and urlsplit(url).scheme.lower() in ("http", "https")


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
