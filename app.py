"""Entry point: `streamlit run app.py`. The frame (page config, language switch, share-link sync and
st.navigation over the files in pages/) lives in pages/_common.run_app so every page can fall back to it."""

from pages._common import run_app

run_app()
