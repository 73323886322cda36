The national library reopened after a two-year renovation.
