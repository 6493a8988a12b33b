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
