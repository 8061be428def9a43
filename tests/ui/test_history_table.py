"""The card's history tables paint their rows themselves: checked on the pixels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPalette, QRegion
from pytestqt.qtbot import QtBot

from app.ui.customer_card import HistoryTable, one_line
from app.ui.models import RecordTableModel

ROWS = [(f"{day} Oct 2026 07:24", "£197.90", "anytime return") for day in range(1, 7)]
Role = QPalette.ColorRole


def history(qtbot: QtBot) -> HistoryTable:
    model = RecordTableModel[tuple[str, str, str]](
        [("When", lambda r: r[0]), ("Amount", lambda r: r[1]), ("What", lambda r: r[2])]
    )
    model.set_rows(ROWS)
    table = HistoryTable(model)  # type: ignore[arg-type]
    qtbot.addWidget(table)
    table.resize(640, 260)
    table.show()
    qtbot.waitExposed(table)
    return table


def shot(table: HistoryTable) -> QImage:
    return table.viewport().grab().toImage()


def band(table: HistoryTable, row: int) -> QRect:
    top = table.rowViewportPosition(row)
    return QRect(0, top, table.viewport().width(), table.rowHeight(row))


def colour(table: HistoryTable, role: QPalette.ColorRole) -> QColor:
    return table.palette().color(role)


def test_rows_are_striped_and_the_selected_row_is_highlighted(qtbot: QtBot) -> None:
    table = history(qtbot)
    table.selectRow(2)
    image = shot(table)
    right = table.viewport().width() - 4  # past every cell's text
    at = [image.pixelColor(right, band(table, row).top() + 2) for row in range(4)]
    assert at == [
        colour(table, Role.Base),
        colour(table, Role.AlternateBase),
        colour(table, Role.Highlight),
        colour(table, Role.AlternateBase),
    ]
    below = table.rowViewportPosition(len(ROWS) - 1) + table.rowHeight(0) + 4
    assert image.pixelColor(right, below) == colour(table, Role.Base)  # no rows, no stripes


def test_each_cell_shows_its_text_in_its_column(qtbot: QtBot) -> None:
    table = history(qtbot)
    image, row = shot(table), band(table, 0)
    for column in range(3):
        left = table.columnViewportPosition(column)
        cell = QRect(left, row.top(), table.columnWidth(column), row.height())
        inked = [
            (x, y)
            for x in range(cell.left(), min(cell.right(), image.width() - 1))
            for y in range(cell.top(), cell.bottom())
            if image.pixelColor(x, y).lightness() < 128
        ]
        assert inked, f"column {column} is blank"
        wide = table.fontMetrics().horizontalAdvance(ROWS[0][column])
        assert max(x for x, _ in inked) < left + wide + 2 * HistoryTable.CELL_PADDING


def test_the_current_row_is_outlined_while_the_table_has_the_focus(qtbot: QtBot) -> None:
    table = history(qtbot)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    current = table.model().index(1, 0)
    table.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.Clear)
    middle = table.viewport().width() // 2
    outline = shot(table).pixelColor(middle, band(table, 1).top())
    assert outline == colour(table, Role.Accent)
    table.clearFocus()
    qtbot.waitUntil(lambda: not table.hasFocus())
    assert shot(table).pixelColor(middle, band(table, 1).top()) != colour(table, Role.Accent)


def test_a_cell_too_long_for_its_column_ends_with_an_ellipsis(qtbot: QtBot) -> None:
    metrics = QFontMetrics(history(qtbot).font())
    long = "The machine took my money and gave no ticket, and the queue was out of the door"
    cut = one_line(long, 120, metrics)
    assert cut.endswith("…") and long.startswith(cut[:-1])
    assert metrics.horizontalAdvance(cut) <= 120
    assert one_line("Leeds", 120, metrics) == "Leeds"
    assert one_line("", 0, metrics) == ""
    wide = "雨の日にバスが来なかったので駅まで歩きました"  # drawn from a fallback font, maybe
    cut = one_line(wide, 60, metrics)
    assert cut == wide or (cut.endswith("…") and metrics.horizontalAdvance(cut) <= 60)


def test_line_breaks_in_a_cell_become_spaces(qtbot: QtBot) -> None:
    metrics = QFontMetrics(history(qtbot).font())
    assert one_line("Left my bag\non the 07:24\r\nfrom Leeds", 2000, metrics) == (
        "Left my bag on the 07:24 from Leeds"
    )


class Painted(QObject):
    """What of a widget was painted since the last look."""

    def __init__(self) -> None:
        super().__init__()
        self.region = QRegion()

    def covers(self, rect: QRect) -> bool:
        return QRegion(rect).subtracted(self.region).isEmpty()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.region = self.region.united(event.region())  # type: ignore[attr-defined]
        return False


def test_the_whole_row_is_repainted_when_the_current_row_moves(qtbot: QtBot) -> None:
    table = history(qtbot)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    current = QItemSelectionModel.SelectionFlag.NoUpdate  # the selection stays as it is
    painted = Painted()
    table.viewport().installEventFilter(painted)
    table.selectionModel().setCurrentIndex(table.model().index(1, 0), current)
    qtbot.waitUntil(lambda: painted.covers(band(table, 1)))
    painted.region = QRegion()
    table.selectionModel().setCurrentIndex(table.model().index(3, 0), current)
    qtbot.waitUntil(lambda: painted.covers(band(table, 3)))
    assert painted.covers(band(table, 1))  # no outline is left behind
    painted.region = QRegion()
    table.clearFocus()
    qtbot.waitUntil(lambda: painted.covers(band(table, 3)))  # the outline goes
    painted.region = QRegion()
    table.setFocus()
    qtbot.waitUntil(lambda: painted.covers(band(table, 3)))  # and comes back


def test_keys_move_the_selection_the_paint_follows(qtbot: QtBot) -> None:
    table = history(qtbot)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    right = table.viewport().width() - 4
    image = shot(table)
    assert image.pixelColor(right, band(table, 1).top() + 2) == colour(table, Role.Highlight)
    assert image.pixelColor(right, band(table, 0).top() + 2) == colour(table, Role.Base)
