"""What the two reports share: a table of real vs estimated, then the summary, as text or HTML."""

from __future__ import annotations

import html

WRONG_STYLE = "background-color:#FBE3D6;color:#000"  # a light tint of Okabe–Ito vermillion
LEFT, RIGHT = (f"padding:2px 8px;white-space:nowrap;text-align:{side}" for side in ("left", "right"))


class Report:
    """A report shows itself in a notebook as an HTML table (``_repr_html_``) followed by its ``summary``."""

    def summary_lines(self) -> list:  # pragma: no cover - every report sums itself up
        raise NotImplementedError

    def summary(self) -> str:
        """The report's closing lines, as the original program printed them under the table."""
        return "\n".join(self.summary_lines())

    def to_html(self) -> str:  # pragma: no cover - every report lays out its table
        raise NotImplementedError

    def _repr_html_(self) -> str:
        return self.to_html()

    def _html(self, title, header, aligns, rows, more=0) -> str:
        """``rows``: (cells as HTML, tinted?) per sample; ``more``: samples left out of the table."""
        cells = "".join(f'<th style="{a}">{html.escape(h)}</th>' for h, a in zip(header, aligns))
        body = [f"<tr>{cells}</tr>"]
        for values, tinted in rows:
            tds = "".join(f'<td style="{a}">{v}</td>' for v, a in zip(values, aligns))
            body.append(f'<tr style="{WRONG_STYLE}">{tds}</tr>' if tinted else f"<tr>{tds}</tr>")
        if more:
            body.append(f'<tr><td colspan="{len(header)}">... ({more} more samples)</td></tr>')
        summary = "<br>".join(html.escape(line) for line in self.summary().splitlines())
        return f"<p><b>Real vs estimated</b> {title}</p><table>{''.join(body)}</table><p>{summary}</p>"
