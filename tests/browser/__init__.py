"""Browser tests: the notebooks in JupyterLab and Notebook 7, driven by Playwright (see conftest.py and servers.py)."""
