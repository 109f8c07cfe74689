/** Saves a file through the browser's own download, from the page that asks. */
export function saveFile(doc: Document, name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
