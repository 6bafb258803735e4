/** QR codes of page URLs, as inline SVG (the `qrcode` package; same URL, same bytes). */
import QRCode from 'qrcode';

/** An SVG QR code of `url`, with a title for screen readers. */
export async function qrSvg(url: string, title: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
    color: { dark: '#000000', light: '#ffffff' },
  });
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return svg
    .replace('<svg ', `<svg role="img" aria-label="${escaped.replace(/"/g, '&quot;')}" `)
    .replace(/^<\?xml[^>]*>/, '');
}
