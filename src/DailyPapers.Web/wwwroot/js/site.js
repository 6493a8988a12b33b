// Progressive enhancement only: every page works without this file.
(() => {
    "use strict";

    // Copy buttons (BibTeX): shown only when the clipboard can be used.
    for (const button of document.querySelectorAll("button[data-copy]")) {
        if (!navigator.clipboard) continue;
        button.hidden = false;
        button.addEventListener("click", async () => {
            const source = document.querySelector(button.dataset.copy);
            if (!source) return;
            await navigator.clipboard.writeText(source.textContent.trim());
            const label = button.textContent;
            button.textContent = "복사했습니다";
            setTimeout(() => { button.textContent = label; }, 1500);
        });
    }

    // Media that cannot load (moved, offline, blocked) become a small label with the paper's arXiv id (CSS), never an
    // empty box. An image may have failed before this script ran: then it is complete with no width.
    for (const img of document.querySelectorAll(".paper-media img")) {
        const fail = () => img.closest(".paper-media").classList.add("failed");
        if (img.complete && img.naturalWidth === 0 && img.currentSrc) fail();
        else img.addEventListener("error", fail, { once: true });
    }
    for (const video of document.querySelectorAll(".paper-media video")) {
        // A poster that fails leaves the video's own frame; a video source that fails (after a click) is marked too.
        video.addEventListener("error", () => video.closest(".paper-media").classList.add("failed"), { once: true, capture: true });
    }

    // Keyboard shortcuts: j/k move between papers, [ and ] follow the previous/next links, / focuses search.
    const papers = [...document.querySelectorAll("[data-paper]")];
    let current = -1;
    const typing = (target) => target.closest("input, textarea, select, [contenteditable]");

    function select(index) {
        if (papers.length === 0) return;
        current = Math.max(0, Math.min(papers.length - 1, index));
        papers.forEach((p, i) => p.classList.toggle("is-current", i === current));
        const paper = papers[current];
        paper.scrollIntoView({ block: "start", behavior: "smooth" });
        paper.querySelector(".paper-title a")?.focus({ preventScroll: true });
    }

    document.addEventListener("keydown", (event) => {
        if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
        switch (event.key) {
            case "j": select(current + 1); break;
            case "k": select(current - 1); break;
            case "[": document.querySelector('a[rel="prev"]')?.click(); break;
            case "]": document.querySelector('a[rel="next"]')?.click(); break;
            case "/": {
                const box = document.getElementById("site-q");
                if (box) { event.preventDefault(); box.focus(); }
                break;
            }
            default: return;
        }
    });
})();

// A reader's library on public pages (issue 30). The pages are the same bytes for everyone and hold no key: when this
// browser holds a library (dp-has-library, a cookie holding no secret), its marks are read through a private request
// and shown on the save controls; a control then posts without leaving the page. Without this, the forms still work.
(() => {
    "use strict";
    const forms = [...document.querySelectorAll("form[data-save]")];
    if (forms.length === 0) return;
    const holdsLibrary = () => document.cookie.split("; ").includes("dp-has-library=1");

    const show = (form, saved, read) => {
        const button = form.querySelector("button");
        form.querySelector('input[name="do"]').value = saved ? "remove" : "save";
        button.textContent = saved ? (read ? "저장됨 · 읽음 (빼기)" : "저장됨 (빼기)") : "서재에 저장";
        button.setAttribute("aria-pressed", saved ? "true" : "false");
        form.dataset.saved = saved ? "1" : "";
        const paper = form.closest(".paper, .paper-detail");
        paper?.classList.toggle("is-saved", saved);
        paper?.classList.toggle("is-read", saved && read);
    };

    if (holdsLibrary()) {
        fetch("/library/marks", { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(response => response.status === 200 ? response.json() : null)
            .then(marks => {
                if (!marks) return;
                const saved = new Set(marks.saved), read = new Set(marks.read);
                for (const form of forms) show(form, saved.has(form.dataset.save), read.has(form.dataset.save));
            })
            .catch(() => { /* the forms still work */ });
    }

    for (const form of forms) {
        form.addEventListener("submit", async event => {
            if (!holdsLibrary()) return; // no library yet: the form's own post leads to the page that makes one
            event.preventDefault();
            const saving = form.querySelector('input[name="do"]').value === "save";
            try {
                const response = await fetch(form.action, {
                    method: "POST",
                    body: new URLSearchParams(new FormData(form)),
                    credentials: "same-origin",
                    headers: { "X-Requested-With": "fetch" },
                });
                if (response.status === 204) show(form, saving, false);
                else if (response.redirected) window.location.href = response.url;
            } catch {
                form.submit();
            }
        });
    }
})();
