// An image pasted (Ctrl/⌘+V) or dropped into the composer goes to `onImage`; text pastes and
// drops are left to the text box.

/** The first image file a paste or a drop carries. */
export function imageFileOf(data: DataTransfer | null): File | null {
  for (const item of data?.items ?? []) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile();
  }
  return null;
}

/** Handlers for the composer: an image goes to `onImage` (which reads it), nothing else changes. */
export function useImageDrop(onImage: ((file: File) => void) | undefined) {
  if (!onImage) return {};
  const take = (event: Event, data: DataTransfer | null) => {
    const file = imageFileOf(data);
    if (!file) return;
    event.preventDefault();
    onImage(file);
  };
  return {
    onPaste: (event: ClipboardEvent) => take(event, event.clipboardData),
    onDragOver: (event: DragEvent) => {
      if ([...(event.dataTransfer?.items ?? [])].some((item) => item.kind === 'file' && item.type.startsWith('image/')))
        event.preventDefault();
    },
    onDrop: (event: DragEvent) => take(event, event.dataTransfer),
  };
}
