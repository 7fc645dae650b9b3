"""The page's stylesheet, served inline from this server (its script is `ui.page_script`).

Both go into the page's <head> through `mount_gradio_app(head=...)` (`ui.page.page_options`):
a gr.HTML carrying them would make a first visit fetch Gradio's HTML component (~110 KB of
script) before the chat is shown. Selectors start at `.gradio-container` to outrank
Gradio's own `.prose` rules. Fonts are system fonts with Vietnamese glyphs, for Gradio's
theme too (`theme`): no font file is fetched at all.
"""

from __future__ import annotations

from typing import Any

FONTS = ("Segoe UI", "Noto Sans", "Roboto", "Helvetica Neue", "Arial", "Liberation Sans",
         "DejaVu Sans", "sans-serif")  # fmt: skip
MONO_FONTS = ("Consolas", "DejaVu Sans Mono", "Liberation Mono", "monospace")
FONT_STACK = ", ".join(f'"{font}"' if " " in font else font for font in FONTS)

CSS = """
.gradio-container {
  --font: __FONT__;
  --pa-accent: #1e5b46;
  --pa-ink: #1e5b46;
  --pa-accent-soft: #e7f1ec;
  --pa-mark: #fff0a6;
  --pa-border: #d6dde3;
  --pa-muted: #5b6670;
  --button-primary-background-fill: var(--pa-accent);
  --button-primary-background-fill-hover: #174836;
  --button-primary-text-color: #fff;
  --button-primary-border-color: var(--pa-accent);
  --color-accent: var(--pa-ink);
  --color-accent-soft: var(--pa-accent-soft);
  --checkbox-label-background-fill-selected: var(--pa-accent-soft);
  font-family: var(--font);
  font-size: 16px;
}
.dark .gradio-container {
  --pa-ink: #7fd1ad; --pa-accent-soft: #1d3a30; --pa-mark: #6b5a10; --pa-border: #3b4650;
  --pa-muted: #a9b4bd;
}
footer { display: none !important; }

/* Header (a Markdown block: its own padding and prose margins are set here) */
#pa-header-box { padding: 10px 12px 0; }
#pa-header-box .pa-header h1 { margin: 0; }
#pa-header-box .pa-header p { margin: 4px 0 0; }
.gradio-container .pa-header {
  display: flex; align-items: flex-end; justify-content: space-between; gap: 16px;
  border-bottom: 3px solid var(--pa-accent); padding: 4px 2px 10px; margin-bottom: 4px;
}
.gradio-container .pa-header h1 {
  margin: 0; font-size: 1.55rem; font-weight: 700; color: var(--pa-ink); line-height: 1.25;
}
@media (max-width: 640px) {
  .gradio-container .pa-header { flex-direction: column; align-items: flex-start; gap: 4px; }
}
.gradio-container .pa-header p { margin: 4px 0 0; color: var(--pa-muted); font-size: 0.95rem; }
.gradio-container .pa-header .pa-count {
  white-space: nowrap; color: var(--pa-muted); font-size: 0.9rem;
}

#pa-send { white-space: nowrap; }

/* Side column */
.gradio-container .pa-side-title h3 { margin: 2px 0 0; font-size: 1.05rem; }
.gradio-container .pa-hint { color: var(--pa-muted); font-size: 0.88rem; }

/* Chat messages */
.gradio-container .pa-q { white-space: pre-wrap; }
.gradio-container .pa-msg { line-height: 1.6; font-size: 1rem; }
.gradio-container .pa-msg .pa-text { margin: 0 0 6px; }
.gradio-container .pa-understood, .gradio-container .pa-scope {
  font-size: 0.9rem; color: var(--pa-muted); margin-bottom: 6px;
}
.gradio-container .pa-understood q { font-style: italic; color: inherit; }
.gradio-container .pa-refusal {
  font-weight: 700; font-size: 1.05rem; color: #8a1c1c; background: #fdecec;
  border-left: 4px solid #b42318; padding: 8px 12px; border-radius: 4px; margin: 2px 0 8px;
}
.dark .gradio-container .pa-refusal { color: #ffd7d2; background: #4a1c18; }
.gradio-container .pa-note { color: var(--pa-muted); font-size: 0.92rem; margin: 4px 0 8px; }
.gradio-container .pa-pending { color: var(--pa-muted); font-style: italic; }
.gradio-container .pa-cursor::after { content: "▍"; color: var(--pa-accent); }
.gradio-container .pa-spinner {
  display: inline-block; width: 0.9em; height: 0.9em; margin-right: 8px; vertical-align: -2px;
  border: 2px solid var(--pa-border); border-top-color: var(--pa-accent); border-radius: 50%;
  animation: pa-spin 0.8s linear infinite;
}
@keyframes pa-spin { to { transform: rotate(360deg); } }

/* [n] markers */
.gradio-container a.pa-cite {
  display: inline-block; font-size: 0.78rem; font-weight: 700; line-height: 1.2;
  padding: 1px 5px; margin: 0 1px; border-radius: 4px; vertical-align: 2px;
  background: var(--pa-accent); color: #fff !important; text-decoration: none !important;
  cursor: pointer;
}
.gradio-container a.pa-cite:hover { filter: brightness(1.2); }

/* Source cards */
.gradio-container .pa-sources { margin-top: 10px; }
.gradio-container .pa-sources-head {
  font-size: 0.8rem; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase;
  color: var(--pa-muted); margin-bottom: 6px;
}
.gradio-container .pa-card {
  border: 1px solid var(--pa-border); border-left: 4px solid var(--pa-accent);
  border-radius: 6px; padding: 8px 12px; margin: 0 0 8px;
  background: var(--background-fill-primary); scroll-margin: 80px;
}
.gradio-container .pa-card-related { border-left-color: #9aa5ae; }
.gradio-container .pa-card-head { font-weight: 700; line-height: 1.4; }
.gradio-container .pa-num { color: var(--pa-ink); margin-right: 6px; }
.gradio-container .pa-meta {
  display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 0.85rem; color: var(--pa-muted);
  margin: 2px 0 6px;
}
.gradio-container .pa-meta-label { font-weight: 600; }
.gradio-container .pa-added { font-size: 0.85rem; color: var(--pa-muted); margin: -4px 0 6px; }
.gradio-container .pa-passage { font-size: 0.95rem; line-height: 1.55; }
.gradio-container .pa-passage mark.pa-quote {
  background: var(--pa-mark); color: inherit; padding: 1px 0; border-radius: 2px;
  box-shadow: inset 0 -2px 0 #e0b400;
}
.gradio-container .pa-quote-alone { font-style: italic; margin-bottom: 4px; }
.gradio-container .pa-card.pa-flash { animation: pa-flash 1.6s ease-out; }
@keyframes pa-flash {
  0% { box-shadow: 0 0 0 4px var(--pa-mark); } 100% { box-shadow: 0 0 0 0 transparent; }
}

/* Feedback */
#pa-feedback { border: 1px solid var(--pa-border); border-radius: 8px; }
#pa-feedback .prose { padding: 8px 12px 0; }

/* Documents tab */
#pa-docs table, #pa-docs th, #pa-docs td, #pa-docs span, #pa-docs input {
  font-family: var(--font) !important; font-size: 0.92rem;
}
#pa-docs th { font-weight: 700; }
.gradio-container .pa-job { margin: 6px 0; font-size: 0.95rem; }
.gradio-container .pa-job-bar {
  height: 8px; background: var(--pa-border); border-radius: 4px; overflow: hidden; margin: 4px 0;
}
.gradio-container .pa-job-bar > span {
  display: block; height: 100%; background: var(--pa-accent); transition: width 0.3s;
}
.gradio-container .pa-job-ok { color: var(--pa-ink); font-weight: 600; }
.gradio-container .pa-job-failed { color: #b42318; font-weight: 600; }

/* [n] hover preview: the cited sentence, drawn by CSS from the link's data, above the
   answer's text block (anchored to the block, not the link, so it is never cut off) */
.gradio-container .pa-msg .pa-text { position: relative; }
.gradio-container a.pa-cite[data-preview]:hover::after {
  content: attr(data-preview); position: absolute; left: 0; bottom: calc(100% + 4px);
  z-index: 30; max-width: 100%; white-space: normal; text-align: left;
  background: #1f2933; color: #fff; font-weight: 400; font-size: 0.85rem; line-height: 1.45;
  padding: 6px 9px; border-radius: 6px; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
}

/* Answer actions, whole-document link */
.gradio-container .pa-actions { margin: 2px 0 6px; display: flex; gap: 8px; }
.gradio-container button.pa-copy {
  font-size: 0.85rem; padding: 2px 10px; border: 1px solid var(--pa-border);
  border-radius: 5px; background: var(--background-fill-secondary); cursor: pointer;
}
.gradio-container a.pa-open { font-size: 0.85rem; color: var(--pa-ink); }

/* The document viewer beside the chat (full screen on a phone) */
#pa-viewer {
  position: fixed; top: 0; right: 0; bottom: 0; width: min(46rem, 52vw); z-index: 10000;
  display: none; flex-direction: column; background: #fff;
  border-left: 3px solid #1e5b46; box-shadow: -8px 0 24px rgba(0, 0, 0, 0.18);
}
#pa-viewer.pa-open { display: flex; }
#pa-viewer .pa-viewer-bar {
  display: flex; align-items: center; gap: 12px; padding: 8px 12px; font-family: var(--font);
  background: #e7f1ec; color: #1e5b46;
}
#pa-viewer .pa-viewer-bar b { flex: 1; }
#pa-viewer .pa-viewer-bar button { padding: 4px 14px; border-radius: 5px; cursor: pointer;
  border: 1px solid #1e5b46; background: #1e5b46; color: #fff; font-size: 0.95rem; }
#pa-viewer iframe { flex: 1; border: 0; width: 100%; }

/* Conversations */
#pa-convs { max-height: 40vh; overflow-y: auto; }
#pa-convs label { width: 100%; }
/* A refused rename is said in a toast: Gradio's error badge and veil over the list of
   conversations (the event's output) would only hide it. */
#pa-convs > .wrap.error, #pa-convs > .wrap:has(> .error) { display: none !important; }

/* Documents as cards */
.gradio-container .pa-doc-grid {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 10px;
}
.gradio-container .pa-doc-card {
  border: 1px solid var(--pa-border); border-left: 4px solid var(--pa-accent);
  border-radius: 6px; padding: 8px 12px; background: var(--background-fill-primary);
}
.gradio-container .pa-doc-card .pa-doc-title { font-weight: 700; line-height: 1.35; }
.gradio-container .pa-doc-card .pa-doc-file { font-size: 0.8rem; color: var(--pa-muted);
  overflow-wrap: anywhere; }

/* Phone width: one column, the question box across the screen, filters folded */
@media (max-width: 640px) {
  .gradio-container { padding: 2px !important; }
  .gradio-container .main.app { padding-left: 6px !important; padding-right: 6px !important; }
  .gradio-container .pa-header { padding-left: 30px; }  /* beside the sidebar's toggle */
  #pa-question { padding: 6px !important; }
  #pa-viewer { width: 100vw; border-left: 0; }
  #pa-ask-row { flex-wrap: wrap !important; }
  #pa-ask-row > * { min-width: 100% !important; flex: 1 1 100% !important; }
  .gradio-container .pa-header p { display: none; }
}
""".replace("__FONT__", FONT_STACK)


def theme() -> Any:
    """Gradio's default theme on system fonts: its own fonts (Source Sans Pro, IBM Plex Mono,
    ~140 KB of woff2 on a first visit) have no Vietnamese-specific need and cost time."""
    import gradio as gr

    return gr.themes.Default(font=list(FONTS), font_mono=list(MONO_FONTS))


def head_html() -> str:
    """What goes into the page's <head>: the stylesheet, inline."""
    return f"<style>{CSS}</style>"
