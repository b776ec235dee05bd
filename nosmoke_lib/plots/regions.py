"""Decision regions: the class a network gives every point of a plane, painted as a tint under the samples."""

from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap

from .._validate import as_matrix
from .style import SPECIES_COLORS, SPECIES_MARKERS, light


def plane_grid(X2, size=60, margin=0.5):
    """A ``size`` x ``size`` grid of points covering the samples ``X2`` (two columns), plus a margin.

    Returns
    -------
    points : array (size * size, 2)
        Every grid point, one per row: ready for ``net.predict``.
    extent : (x_min, x_max, y_min, y_max)
        The rectangle the grid covers (for ``imshow``).
    """
    X2 = as_matrix("X2", X2, n_cols=2)
    (x_min, y_min), (x_max, y_max) = X2.min(axis=0) - margin, X2.max(axis=0) + margin
    xs, ys = np.linspace(x_min, x_max, size), np.linspace(y_min, y_max, size)
    gx, gy = np.meshgrid(xs, ys)  # row r of the grid is one y value: the picture's row r
    return np.column_stack([gx.ravel(), gy.ravel()]), (x_min, x_max, y_min, y_max)


def decision_regions(net, points, size):
    """The class ``net`` predicts at every grid point, as a ``size`` x ``size`` picture (row = y)."""
    return net.predict(points).reshape(size, size)


def hidden_plane_grid(size=60):
    """A grid over the unit square and a little beyond: a sigmoid hidden layer's outputs lie inside it."""
    return plane_grid(np.array([[0.0, 0.0], [1.0, 1.0]]), size, margin=0.04)


def output_regions(net, points, size):
    """The class the output layer alone gives every point of the hidden plane: argmax f(A2 @ W2 + b2)."""
    W2, act = net.weights[-1], net.activations[-1]
    b2 = net.biases[-1] if net.bias else 0.0
    return np.argmax(act.f(points @ W2 + b2), axis=1).reshape(size, size)


def paint_regions(ax, extent, n_classes, grid, tint=0.6):
    """An image of ``grid`` x ``grid`` pixels over ``extent``, one light species colour per class.

    Returns the image; ``image.set_data(regions)`` paints a network's regions
    (``decision_regions`` or ``output_regions``).
    """
    colours = ListedColormap([light(SPECIES_COLORS[c % 3], tint) for c in range(n_classes)])
    return ax.imshow(
        np.zeros((grid, grid)),
        extent=extent,
        origin="lower",
        aspect="auto",
        cmap=colours,
        vmin=-0.5,
        vmax=n_classes - 0.5,
        interpolation="nearest",
    )


def scatter_species(ax, X2, y, target_names):
    """One scatter per species (its colour and marker); returns the scatters, species order."""
    return [
        ax.scatter(
            X2[y == c, 0],
            X2[y == c, 1],
            color=SPECIES_COLORS[c % 3],
            marker=SPECIES_MARKERS[c % 3],
            edgecolor="black",
            linewidth=0.6,
            s=36,
            label=name,
            zorder=3,
        )
        for c, name in enumerate(target_names)
    ]
