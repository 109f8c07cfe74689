/** The evidence strip shows small images; the stored PNG stays full size and untouched. */
export const THUMBNAIL_MAX = 240;

/** Scales (width, height) to fit within max×max, keeping the aspect ratio, never enlarging. */
export function thumbnailSize(
  width: number,
  height: number,
  max = THUMBNAIL_MAX,
): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * Decodes a PNG off the main thread (createImageBitmap) and draws a small JPEG on an
 * OffscreenCanvas, which exists in extension pages and the service worker alike.
 */
export async function decodeWithThumbnail(
  png: Blob,
  max = THUMBNAIL_MAX,
): Promise<{ width: number; height: number; thumbnail: Blob }> {
  const bitmap = await createImageBitmap(png);
  try {
    const size = thumbnailSize(bitmap.width, bitmap.height, max);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("No 2D canvas for the thumbnail");
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const thumbnail = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.8 });
    return { width: bitmap.width, height: bitmap.height, thumbnail };
  } finally {
    bitmap.close();
  }
}

/** captureVisibleTab answers with a data URL; decoded here without a fetch. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error("The capture did not return a base64 data URL");
  const binary = atob(match[2] ?? "");
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: match[1] });
}
