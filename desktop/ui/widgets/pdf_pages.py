"""PDF pages as images for the print preview and the printer, rendered with pypdfium2."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtGui import QImage


def page_count(pdf: bytes) -> int:
    """How many pages the PDF has."""
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def render_pages(pdf: bytes, dpi: int = 96) -> list[QImage]:
    """Every page of the PDF as an RGBA image at `dpi` (white background)."""
    document = pdfium.PdfDocument(pdf)
    images: list[QImage] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=False)
                try:
                    images.append(_to_image(bitmap))
                finally:
                    bitmap.close()
            finally:
                page.close()
    finally:
        document.close()
    return images


def _to_image(bitmap: pdfium.PdfBitmap) -> QImage:
    formats = {
        "RGBA": QImage.Format.Format_RGBA8888,
        "RGBX": QImage.Format.Format_RGBX8888,
        "RGB": QImage.Format.Format_RGB888,
        "BGR": QImage.Format.Format_BGR888,
        "BGRA": QImage.Format.Format_ARGB32,
        "BGRX": QImage.Format.Format_RGB32,
        "L": QImage.Format.Format_Grayscale8,
    }
    mode = bitmap.mode
    if mode not in formats:
        raise ValueError(f"unexpected bitmap mode {mode!r}")
    data = bytes(bitmap.buffer)
    image = QImage(data, bitmap.width, bitmap.height, bitmap.stride, formats[mode])
    return image.copy()  # owns its pixels: `data` and the bitmap may go
