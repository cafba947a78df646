/** A text for an error message: quoted (so NUL and control characters show escaped), at most 80 characters. */
export function previewText(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}
