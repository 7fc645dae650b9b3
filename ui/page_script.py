"""The page's one script, installed once: [n] opens the document viewer, "Sao chép" copies,
the chat follows a streaming answer, and a conversation is exported as Markdown.

(1) A click on [n] opens the whole document beside the chat at the cited sentence and
flashes its source card; the link's own target (a new tab) is what happens without this
script. (2) "Sao chép" puts the answer's plain text (carried by the button) on the
clipboard; outside a secure context (an intranet address over http) the Clipboard API is
missing, so a selected textarea is copied instead. (3) The chat follows a streaming answer
at its end, and once complete shows it from its question down: the default autoscroll
would leave the officer looking at the last source card. (4) A file over the upload
limit is refused before it is sent. (5) Gradio's untranslated screen-reader names, and
its toasts' titles, are put in Vietnamese. `page_js(max_mb)` fills in that limit.
"""

from __future__ import annotations

PAGE_JS = """
if (!window.__paPage) {
  window.__paPage = true;
  const viewer = () => {
    let panel = document.getElementById('pa-viewer');
    if (panel) return panel;
    panel = document.createElement('aside');
    panel.id = 'pa-viewer';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Toàn văn tài liệu');
    panel.innerHTML = '<div class="pa-viewer-bar"><b>Toàn văn tài liệu</b>'
      + '<a class="pa-viewer-tab" target="_blank">Mở trong thẻ mới</a>'
      + '<button type="button" class="pa-viewer-close">Đóng</button></div><iframe></iframe>';
    panel.querySelector('.pa-viewer-close').onclick = () => panel.classList.remove('pa-open');
    document.body.appendChild(panel);
    return panel;
  };
  const flash = (id) => {
    const card = id && document.getElementById(id);
    if (!card) return;
    card.scrollIntoView({behavior: 'smooth', block: 'nearest'});
    card.classList.remove('pa-flash');
    void card.offsetWidth;
    card.classList.add('pa-flash');
  };
  const copyText = async (text) => {
    try { await navigator.clipboard.writeText(text); return; } catch (error) {}
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  };
  // [n]'s title (the cited sentence) becomes a styled preview instead of a slow tooltip.
  document.addEventListener('mouseover', (event) => {
    const link = event.target.closest && event.target.closest('a.pa-cite[title]');
    if (!link) return;
    link.dataset.preview = link.title;
    link.removeAttribute('title');
  }, true);
  document.addEventListener('click', (event) => {
    const target = event.target.closest ? event.target : null;
    const link = target && target.closest('a.pa-cite, a.pa-open');
    const copy = target && target.closest('button.pa-copy');
    if (link) {
      event.preventDefault();
      event.stopPropagation();
      const panel = viewer();
      const url = link.getAttribute('href');
      panel.querySelector('iframe').src = url;
      panel.querySelector('.pa-viewer-tab').href = url;
      panel.classList.add('pa-open');
      flash(link.getAttribute('name'));
    } else if (copy) {
      event.preventDefault();
      event.stopPropagation();
      copyText(copy.value || '').then(() => {
        copy.textContent = 'Đã sao chép';
        setTimeout(() => { copy.textContent = 'Sao chép'; }, 2000);
      });
    }
  }, true);
  // A file over the upload limit is refused here, in Vietnamese, before it is sent (the
  // server would refuse it too, but the upload widget would show its English error).
  document.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    const button = document.getElementById('pa-upload');
    if (!button || !button.parentElement.contains(input)) return;
    const limit = __MAX_UPLOAD_MB__ * 1048576;
    const big = Array.from(input.files || []).filter((file) => file.size > limit);
    if (!big.length) return;
    event.stopImmediatePropagation();
    input.value = '';
    let note = document.getElementById('pa-upload-note');
    if (!note) {
      note = document.createElement('div');
      note.id = 'pa-upload-note';
      button.insertAdjacentElement('afterend', note);
    }
    note.textContent = '';
    big.forEach((file) => {
      const line = document.createElement('div');
      line.className = 'pa-job pa-job-failed';
      line.textContent = '✖ Tải lên ' + file.name + ': tệp quá lớn (tối đa __MAX_UPLOAD_MB__ MB)';
      note.appendChild(line);
    });
  }, true);
  // On a phone the conversation list starts folded (it would cover the chat) and folds
  // again once a conversation is picked or started.
  const narrow = () => window.innerWidth <= 640;
  const foldSidebar = () => {
    const toggle = document.querySelector('#pa-sidebar.open .toggle-button');
    if (toggle) toggle.click();
    return Boolean(toggle);
  };
  const tidySidebar = (tries) => {
    const toggle = document.querySelector('#pa-sidebar .toggle-button');
    if (toggle) toggle.setAttribute('aria-label', 'Đóng/mở danh sách cuộc trò chuyện');
    if (!toggle || (narrow() && !foldSidebar())) {
      if (tries > 0) setTimeout(() => tidySidebar(tries - 1), 100);
    }
  };
  tidySidebar(100);  // the script runs from <head>, before the page is drawn
  document.addEventListener('click', (event) => {
    const picked = event.target.closest && event.target.closest('#pa-convs label, #pa-new-chat');
    if (picked && narrow()) setTimeout(foldSidebar, 150);
  });
  let shown = '';
  const follow = () => {
    const log = document.querySelector('#pa-chat [role=log]');
    const messages = log ? log.querySelectorAll('.pa-msg') : [];
    const last = messages[messages.length - 1];
    if (!last) { shown = ''; return; }
    const busy = last.classList.contains('pa-pending') || last.querySelector('.pa-cursor');
    if (busy) { log.scrollTop = log.scrollHeight; return; }
    const state = String(messages.length);
    if (state === shown) return;
    shown = state;
    const row = last.closest('.message-row');
    const target = (row && row.previousElementSibling) || row || last;
    log.scrollTop += target.getBoundingClientRect().top - log.getBoundingClientRect().top - 4;
  };
  // Names Gradio gives its parts for screen readers without translating them (its
  // translatable labels are set in ui.gradio_labels).
  const NAMES = {'More tabs': 'Các thẻ khác', 'chatbot conversation': 'Cuộc trò chuyện',
    'Dataframe': 'Bảng', 'File upload': 'Tải tệp lên', 'Open cell menu': 'Mở menu của ô',
    'Vega visualization': 'Biểu đồ', 'Gradio footer navigation': 'Chân trang',
    'Filtered': 'Đang lọc', 'Table actions': 'Thao tác với bảng',
    'Apply filter and update dataframe values': 'Lọc bảng'};
  const PREFIXES = [["user's message: ", 'Câu hỏi: '], ["bot's message: ", 'Trả lời: ']];
  const NAMED = Object.keys(NAMES).map((name) => `[aria-label="${name}"]`)
    .concat(PREFIXES.map(([prefix]) => `[aria-label^="${prefix}"]`)).join(',');
  // The tables' filter box writes its words itself (display only: its choices are kept
  // in its own state, so the words can change).
  const WORDS = {'Filter as': 'Lọc theo', 'string': 'chữ', 'number': 'số',
    'Contains': 'Có chứa', 'Does not contain': 'Không chứa', 'Starts with': 'Bắt đầu bằng',
    'Ends with': 'Kết thúc bằng', 'Is': 'Là', 'Is not': 'Khác', 'Is empty': 'Để trống',
    'Is not empty': 'Không để trống'};
  const FILTER = '.filter-menu span, .filter-menu button, .dropdown-filter-options button';
  // A toast's title is Gradio's type word ("Error"), whatever title the server sent.
  const TOASTS = {'Error': 'Lỗi', 'Warning': 'Cảnh báo', 'Info': 'Thông báo',
    'Success': 'Thành công'};
  const rename = () => {
    document.querySelectorAll('.toast-title').forEach((node) => {
      node.childNodes.forEach((text) => {
        const word = text.nodeType === 3 && TOASTS[text.data.trim()];
        if (word) text.data = word + ' ';
      });
    });
    document.querySelectorAll(FILTER).forEach((node) => {
      node.childNodes.forEach((text) => {
        const word = text.nodeType === 3 && WORDS[text.data.trim()];
        if (word) text.data = word;
      });
    });
    document.querySelectorAll('.filter-menu input[placeholder="Type a value"]')
      .forEach((input) => { input.placeholder = 'Nhập giá trị'; });
    document.querySelectorAll('.filter-menu [aria-label^="Change filter"]').forEach((node) => {
      const type = node.getAttribute('aria-label').startsWith('Change filter type');
      node.setAttribute('aria-label', type ? 'Lọc theo chữ hoặc số' : 'Cách lọc');
    });
    document.querySelectorAll(NAMED).forEach((node) => {
      const name = node.getAttribute('aria-label');
      const prefix = PREFIXES.find(([english]) => name.startsWith(english));
      const vietnamese = prefix ? prefix[1] + name.slice(prefix[0].length) : NAMES[name];
      node.setAttribute('aria-label', vietnamese);
      if (node.title === name) node.title = vietnamese;  // the same words as a tooltip
    });
  };
  new MutationObserver(() => requestAnimationFrame(() => { follow(); rename(); }))
    .observe(document.body, {childList: true, subtree: true, characterData: true});
}
"""


def page_js(max_upload_mb: float) -> str:
    return PAGE_JS.replace("__MAX_UPLOAD_MB__", f"{max_upload_mb:g}")


# A button's client-side handler: the conversation on screen as a Markdown file. Questions
# come from the chat's question bubbles, answers from each "Sao chép" button's text.
EXPORT_JS = """
() => {
  const field = document.querySelector('#pa-conv-title textarea, #pa-conv-title input');
  const title = (field && field.value.trim()) || 'Cuộc trò chuyện';
  const lines = ['# ' + title, '', '_Xuất ngày ' + new Date().toLocaleString('vi-VN') + '_', ''];
  let turn = 0;
  document.querySelectorAll('#pa-chat .pa-q, #pa-chat .pa-msg').forEach((node) => {
    if (node.classList.contains('pa-q')) {
      turn += 1;
      lines.push('## ' + turn + '. ' + node.innerText.trim(), '');
    } else {
      const copy = node.parentElement.querySelector('button.pa-copy');
      lines.push(copy ? copy.value : node.innerText.trim(), '');
    }
  });
  const blob = new Blob([lines.join('\\n')], {type: 'text/markdown;charset=utf-8'});
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  const slug = title.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/đ/g, 'd')
    .replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  link.download = (slug || 'cuoc-tro-chuyen') + '.md';
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}
"""
