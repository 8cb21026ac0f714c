// The trace page: send the text to /api/trace and show the marked text, the trails and the ClaimReview
// JSON-LD, without reloading the page (the form also works without JavaScript).
(function () {
  const form = document.getElementById("trace-form");
  const status = document.getElementById("status");
  const output = document.getElementById("trace-result");
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const text = document.getElementById("trace-text").value;
    status.textContent = "tracing…";
    const started = performance.now();
    const response = await fetch("/api/trace", {method: "POST", body: new URLSearchParams({text: text})});
    if (!response.ok) {
      status.textContent = "error " + response.status + ": " + (await response.text());
      return;
    }
    const data = await response.json();
    output.innerHTML = data.html;
    if (data.claimreview) {
      const section = document.createElement("section");
      const heading = document.createElement("h2");
      heading.textContent = "ClaimReview (schema.org JSON-LD)";
      const pre = document.createElement("pre");
      pre.id = "claimreview";
      pre.textContent = JSON.stringify(data.claimreview, null, 1);
      section.append(heading, pre);
      output.appendChild(section);
    }
    status.textContent = data.trace.figures.length + " figures in " + ((performance.now() - started) / 1000).toFixed(2) + " s";
  });
})();
