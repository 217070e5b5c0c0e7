// sitrep web UI: small progressive enhancements; every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Filter forms: drop empty fields so URLs stay short and shareable.
  for (const form of document.querySelectorAll("form.filters")) {
    form.addEventListener("submit", () => {
      for (const el of form.elements) {
        if (el.name && !el.value) el.disabled = true;
      }
    });
  }
  // Document page: clicking an offset in the record list outlines that span in the text.
  for (const link of document.querySelectorAll("a.offset")) {
    link.addEventListener("click", () => {
      for (const m of document.querySelectorAll("mark.focus")) m.classList.remove("focus");
      const target = document.getElementById(link.getAttribute("href").slice(1));
      if (target) target.classList.add("focus");
    });
  }
  // Events table: a click anywhere on a row opens the event.
  for (const row of document.querySelectorAll("tr.event-row")) {
    row.addEventListener("click", (ev) => {
      if (ev.target.closest("a")) return;
      const link = row.querySelector("a.event-link");
      if (link) window.location.href = link.href;
    });
  }
});
