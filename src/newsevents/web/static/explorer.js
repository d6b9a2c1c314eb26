// Show and hide each event's evidence sentences in the explorer table.
document.querySelectorAll("button.toggle").forEach((button) => {
  button.addEventListener("click", () => {
    const row = document.getElementById(button.dataset.target);
    row.hidden = !row.hidden;
    button.setAttribute("aria-expanded", String(!row.hidden));
  });
});
