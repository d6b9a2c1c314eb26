// Post pasted text or chosen files to the API with the bearer token, then follow the job.
const form = document.getElementById("ingest");
const status = document.getElementById("status");

function show(message, isError) {
  status.textContent = message;
  status.className = isError ? "warning" : "";
}

async function follow(job, token) {
  for (;;) {
    const response = await fetch(job.status_url, { headers: { Authorization: `Bearer ${token}` } });
    const current = await response.json();
    if (!response.ok) return show(current.error.message, true);
    if (current.status === "done" || current.status === "failed") return report(current);
    show(`Job ${current.id}: ${current.status}…`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function report(job) {
  status.textContent = "";
  const summary = document.createElement("p");
  summary.id = "job-result";
  summary.textContent = job.status === "failed"
    ? `Job failed: ${job.message}`
    : `Stored ${job.stored} article(s), ${job.events} event(s), ${job.skipped} already there, ${job.errors.length} error(s).`;
  status.append(summary);
  const list = document.createElement("ul");
  for (const id of job.documents) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `/articles/${id}`;
    link.textContent = `article ${id}`;
    item.append(link);
    list.append(item);
  }
  for (const error of job.errors) {
    const item = document.createElement("li");
    item.textContent = `${error.origin}: ${error.reason}`;
    list.append(item);
  }
  status.append(list);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const token = data.get("token");
  const common = {};
  if (data.get("published")) common.published = data.get("published");
  if (data.get("url")) common.url = data.get("url");
  const articles = [];
  const text = (data.get("text") || "").trim();
  if (text) articles.push({ ...common, [text.startsWith("<") ? "html" : "text"]: text });
  for (const file of form.elements.files.files) {
    const body = await file.text();
    articles.push({ ...common, title: file.name, [/\.html?$/i.test(file.name) ? "html" : "text"]: body });
  }
  if (!articles.length) return show("Paste an article or choose files.", true);
  const response = await fetch("/api/articles", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ articles }),
  });
  const job = await response.json();
  if (!response.ok) return show(job.error.message, true);
  show(`Job ${job.id} queued…`);
  follow(job, token);
});
