import { initAll } from "./govuk-frontend.min.js";

initAll();

// A region marked `data-app-poll` shows the progress of background work. Without JavaScript the
// page has a "Check progress" button; with it, the region refreshes itself from the same page
// every few seconds until the work is finished (the refreshed region no longer carries
// `data-app-poll`). The region is a polite live region, so screen readers hear the new status.
const POLL_SECONDS = 2;

function poll(region) {
  const url = region.dataset.appPoll;
  window.setTimeout(async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById(region.id);
      if (!fresh) return;
      region.innerHTML = fresh.innerHTML;
      if (fresh.dataset.appPoll) {
        poll(region);
      } else {
        delete region.dataset.appPoll;
      }
    } catch {
      // Offline or signed out: the "Check progress" button still works.
    }
  }, POLL_SECONDS * 1000);
}

document.querySelectorAll("[data-app-poll][id]").forEach(poll);

// A region marked `data-app-status` shows an import being checked or imported in the background.
// Without JavaScript the page has a "Check progress" button; with it, the region asks the status
// address (JSON: status, running, rows read, rows total, step) every few seconds, updates the step
// and the progress bar in place, and opens `data-app-status-next` once the status has changed.
function watch(region) {
  window.setTimeout(async () => {
    try {
      const response = await fetch(region.dataset.appStatus, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      const status = await response.json();
      if (status.status !== region.dataset.appStatusWas) {
        window.location.assign(region.dataset.appStatusNext);
        return;
      }
      const step = region.querySelector("[data-app-status-step]");
      if (step) step.textContent = status.step;
      const bar = region.querySelector("[data-app-status-progress]");
      if (bar && status.rows_total) {
        bar.max = status.rows_total;
        bar.value = status.rows_read;
        bar.textContent = `${status.rows_read} of ${status.rows_total}`;
      }
      watch(region);
    } catch {
      // Offline or signed out: the "Check progress" button still works.
    }
  }, POLL_SECONDS * 1000);
}

document.querySelectorAll("[data-app-status]").forEach(watch);

// Wide tables scroll sideways inside their own region on small screens instead of widening the
// page. A region that scrolls can take keyboard focus and is named after the table's caption, so
// keyboard and screen reader users can reach and scroll it too.
function scrollable(table) {
  let region = table.closest(".app-table-scroll");
  if (!region) {
    region = document.createElement("div");
    region.className = "app-table-scroll";
    table.parentNode.insertBefore(region, table);
    region.appendChild(table);
  }
  return region;
}

function labelIfScrolling(region) {
  const table = region.querySelector("table");
  if (region.scrollWidth > region.clientWidth) {
    region.tabIndex = 0;
    region.setAttribute("role", "region");
    const caption = table && table.caption ? table.caption.textContent.trim() : "";
    region.setAttribute("aria-label", caption ? `${caption} (scrolls sideways)` : "Table (scrolls sideways)");
  } else if (region.getAttribute("role") === "region") {
    region.removeAttribute("tabindex");
    region.removeAttribute("role");
    region.removeAttribute("aria-label");
  }
}

const regions = [...document.querySelectorAll("main table.govuk-table")].map(scrollable);
regions.forEach(labelIfScrolling);
window.addEventListener("resize", () => regions.forEach(labelIfScrolling));
