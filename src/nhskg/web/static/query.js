// The query page: pick a ready query (its parameters become fields) or write SPARQL; run it against the
// endpoint; results as a sortable table; CSV and JSON downloads of the same query.
(function () {
  const catalogue = window.NHSKG_CATALOGUE || {};
  const text = document.getElementById("query-text");
  const params = document.getElementById("params");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const description = document.getElementById("query-description");
  let picked = null;
  // The editor: CodeMirror (vendored) over the textarea when it loaded, the plain textarea otherwise.
  const editor = window.CodeMirror
    ? window.CodeMirror.fromTextArea(text, {mode: "application/sparql-query", lineNumbers: true, viewportMargin: Infinity})
    : {getValue: function () { return text.value; }, setValue: function (v) { text.value = v; }, on: function () {}};
  window.nhskgEditor = editor;

  function idLink(value) {
    const base = "https://w3id.org/nhskg/id/";
    if (value.startsWith(base)) {
      const a = document.createElement("a");
      a.href = "/doc/" + value.slice(base.length).split("#")[0];
      a.textContent = "id:" + value.slice(base.length);
      return a;
    }
    if (/^https?:\/\//.test(value)) {
      const a = document.createElement("a");
      a.href = value; a.textContent = value;
      return a;
    }
    return document.createTextNode(value);
  }

  function pick(name) {
    const query = catalogue[name];
    picked = name;
    editor.setValue(query.text);
    description.textContent = query.title + ". " + query.description;
    params.innerHTML = "";
    query.params.forEach(function (p) {
      const label = document.createElement("label");
      label.textContent = p.name + " (" + p.type + ") — " + p.meaning;
      const input = document.createElement("input");
      input.name = p.name; input.value = p.default; input.placeholder = p.default ? "" : "required";
      label.appendChild(input);
      params.appendChild(label);
    });
    updateDownloads();
  }

  function requestUrl(format) {
    if (picked && editor.getValue() === catalogue[picked].text) {
      const search = new URLSearchParams();
      params.querySelectorAll("input").forEach(function (input) { if (input.value) search.append(input.name, input.value); });
      if (format) search.append("format", format);
      return "/api/catalogue/" + encodeURIComponent(picked) + "?" + search.toString();
    }
    const search = new URLSearchParams({query: editor.getValue()});
    if (format) search.append("format", format);
    return "/sparql?" + search.toString();
  }

  function updateDownloads() {
    document.getElementById("download-csv").href = requestUrl("csv");
    document.getElementById("download-json").href = requestUrl("json");
  }

  function renderTable(data) {
    const table = document.createElement("table");
    table.className = "sortable";
    const head = table.createTHead().insertRow();
    data.head.vars.forEach(function (name) { const th = document.createElement("th"); th.textContent = name; head.appendChild(th); });
    const body = table.createTBody();
    data.results.bindings.forEach(function (binding) {
      const row = body.insertRow();
      data.head.vars.forEach(function (name) {
        const cell = row.insertCell();
        const term = binding[name];
        if (!term) return;
        if (term.type === "uri") cell.appendChild(idLink(term.value));
        else cell.textContent = term.value;
        if (term.datatype && /#(integer|decimal|double|float)$/.test(term.datatype)) cell.className = "num";
      });
    });
    window.nhskgSortable(table);
    return table;
  }

  async function run(event) {
    event.preventDefault();
    updateDownloads();
    status.textContent = "running…";
    results.innerHTML = "";
    const started = performance.now();
    let response;
    try {
      if (picked && editor.getValue() === catalogue[picked].text) {
        response = await fetch(requestUrl(null), {headers: {Accept: "application/sparql-results+json, text/turtle;q=0.9"}});
      } else {
        response = await fetch("/sparql", {method: "POST", body: new URLSearchParams({query: editor.getValue()}),
          headers: {Accept: "application/sparql-results+json, text/turtle;q=0.9"}});
      }
    } catch (error) {
      status.textContent = "the server did not answer: " + error;
      return;
    }
    const kind = response.headers.get("content-type") || "";
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      const message = document.createElement("p");
      message.className = "error";
      message.textContent = await response.text();
      results.appendChild(message);
      status.textContent = "error " + response.status;
      return;
    }
    if (kind.includes("json")) {
      const data = await response.json();
      if ("boolean" in data) {
        results.textContent = "ASK: " + data.boolean;
        status.textContent = seconds + " s";
        return;
      }
      results.appendChild(renderTable(data));
      status.textContent = data.results.bindings.length + " rows in " + seconds + " s";
    } else {
      const pre = document.createElement("pre");
      pre.textContent = await response.text();
      results.appendChild(pre);
      status.textContent = seconds + " s";
    }
  }

  document.querySelectorAll("button.pick").forEach(function (button) {
    button.addEventListener("click", function () { pick(button.dataset.name); });
  });
  editor.on("change", updateDownloads);
  text.addEventListener("input", updateDownloads);
  params.addEventListener("input", updateDownloads);
  document.getElementById("query-form").addEventListener("submit", run);
  updateDownloads();
})();
