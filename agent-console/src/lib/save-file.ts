/** Hands the browser a file to save, as a download named `name`. */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the next task is late enough.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
