"""The print preview's pages: the PDF's pages as images, one under the other, each as wide as
the view lets it be (the splitter's share of the dialog)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


class PreviewPages(QScrollArea):
    """Shows the images `show_pages` hands it, scaled to the view's width (at least 200 px)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: list[QImage] = []
        self._page_labels: list[QLabel] = []
        self._pages = QWidget()
        self._pages_layout = QVBoxLayout(self._pages)
        self._pages_layout.setSpacing(12)
        self._pages_layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(self._pages)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.viewport().installEventFilter(self)  # pages fit the splitter's share

    def show_pages(self, images: Sequence[QImage]) -> None:
        """Show `images` instead of the pages shown so far."""
        self._images = list(images)
        for label in self._page_labels:
            self._pages_layout.removeWidget(label)
            label.deleteLater()
        self._page_labels = []
        for number in range(len(self._images)):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setAccessibleName(f"{number + 1}")
            self._pages_layout.insertWidget(number, label)
            self._page_labels.append(label)
        self.fit_pages()

    def fit_pages(self) -> None:
        """Scale the pages to the view's width."""
        width = max(200, self.viewport().width() - 40)
        for label, image in zip(self._page_labels, self._images, strict=True):
            size = image.size().scaled(QSize(width, 10**6), Qt.AspectRatioMode.KeepAspectRatio)
            label.setPixmap(
                QPixmap.fromImage(image).scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_pages()
        return super().eventFilter(watched, event)
