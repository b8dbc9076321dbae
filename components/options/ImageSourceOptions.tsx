interface Props {
  value: boolean;
  onChange: (next: boolean) => void;
}

/** Options: prompts from images (the image menu entry, and pasting or dropping images in the popup), and what that sends. */
export function ImageSourceOptions({ value, onChange }: Props) {
  return (
    <fieldset data-testid="image-source-options">
      <legend>Prompts from images</legend>
      <label class="check">
        <input type="checkbox" id="image-source" checked={value} onChange={(event) => onChange(event.currentTarget.checked)} />
        Prompts from images: "Image prompt from this image" when you right-click an image, and images pasted or dropped into the popup
      </label>
      <p class="hint">
        The image is scaled down to at most 1024 pixels on its long side and sent to your provider as a JPEG, with the page title and
        address if you allow them above. Your chat model must be able to read images. The popup shows exactly what was sent; history keeps a
        small thumbnail of it.
      </p>
    </fieldset>
  );
}
