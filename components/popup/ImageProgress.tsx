/** How far the backend is, as a percentage (only for backends that report it). */
export function ImageProgress({ progress }: { progress: number | undefined }) {
  if (progress === undefined) return null;
  const percent = Math.round(progress * 100);
  return (
    <p class="image-percent row" data-testid="image-percent">
      <progress value={percent} max={100} aria-label="Drawing progress" /> <span>{percent} %</span>
    </p>
  );
}
