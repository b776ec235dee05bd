"""What the two reports share: the summary under the table, and the HTML table itself."""

from nosmoke_lib.evaluation import classification_report, regression_report
from nosmoke_lib.evaluation.reports import WRONG_STYLE, Report


def test_both_reports_are_reports_and_sum_up_in_lines():
    reports = [classification_report([0, 1], [[0.9, 0.1], [0.7, 0.2]], ["a", "b"]), regression_report([1.0], [1.5])]
    for report in reports:
        assert isinstance(report, Report)
        assert report.summary() == "\n".join(report.summary_lines())
        assert report._repr_html_() == report.to_html()
        assert report.summary_lines()[0].split(":")[0] in report.to_html()


def test_wrong_rows_are_tinted_and_the_left_out_rows_counted():
    html = regression_report([1.0, 2.0, 3.0], [1.0, 2.5, 3.0], threshold=0.1).to_html(max_rows=2)
    assert html.count(WRONG_STYLE) == 1 and "(1 more samples)" in html
