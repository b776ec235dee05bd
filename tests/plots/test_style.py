"""Projector mode: one call makes every plot readable from the back of a room, and one call undoes it."""

import matplotlib.pyplot as plt

from nosmoke_lib import plots


def test_projector_mode_enlarges_fonts_lines_and_widget_figures_then_restores_the_default():
    default = {key: plt.rcParams[key] for key in plots.PROJECTOR_STYLE}
    small = plots.new_figure().get_size_inches()
    plots.projector_mode()
    try:
        assert plt.rcParams["font.size"] >= 16 and plt.rcParams["lines.linewidth"] >= 3
        big = plots.new_figure().get_size_inches()
        assert (big > small * 1.5).all()
        fig, ax = plt.subplots()
        line = plots.plot_loss([3.0, 2.0, 1.0], ax=ax)
        assert line.get_linewidth() >= 3 and ax.title.get_fontsize() >= 20
        plt.close(fig)
    finally:
        plots.projector_mode(False)
    assert {key: plt.rcParams[key] for key in plots.PROJECTOR_STYLE} == default
