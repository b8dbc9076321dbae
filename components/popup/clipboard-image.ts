// Puts an image on the clipboard as PNG, the one image type browsers accept there. JPEG and
// WebP results are converted in the page first.

export async function toPng(blob: Blob): Promise<Blob> {
  if (blob.type === 'image/png') return blob;
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas to convert the image.');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}

export async function copyImage(blob: Blob): Promise<void> {
  // The promise keeps the click's user activation while the conversion runs.
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': toPng(blob) })]);
}
