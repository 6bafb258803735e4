/**
 * QR codes of page URLs, as SVG files (the `qrcode` package, pure JavaScript). Built with the award's
 * other files, off the page-rendering thread. The mask pattern is fixed: choosing the "best" of eight
 * costs most of the time, and any mask gives a valid, readable code.
 */
import QRCode from 'qrcode';

/** An SVG document of the QR code of `url`. */
export async function toQrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
    maskPattern: 0,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return svg.replace(/^<\?xml[^>]*>\s*/, '');
}
