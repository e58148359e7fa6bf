"""The certificate and the CPD record as PDF files (reportlab): selectable text, title and author
metadata, the site's NHS blue, and on the certificate a QR code (segno) to its public
verification page.

The text is set in DejaVu Sans (bundled, see fonts/LICENSE), which covers the Latin, Greek and
Cyrillic alphabets a holder's name may be written in.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from django.utils.formats import date_format

import segno
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from courses.certification.models import Certificate
from scoring_practice import startback

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
NHS_BLUE = colors.HexColor("#005eb8")
NHS_DARK_BLUE = colors.HexColor("#003087")
NHS_TEXT = colors.HexColor("#212b32")
NHS_SECONDARY_TEXT = colors.HexColor("#4c6272")
NHS_PALE_GREY = colors.HexColor("#f0f4f5")
AUTHOR = "STarT Back training"


def _register_fonts() -> None:
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, FONTS / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont(BOLD, FONTS / "DejaVuSans-Bold.ttf"))


def _day(value) -> str:
    return date_format(value, "j F Y")


def _qr(pdf: canvas.Canvas, url: str, *, x: float, y: float, size: float) -> None:
    """The QR code, drawn as vector squares from segno's matrix (sharp at any zoom)."""
    code = segno.make(url, error="m")
    matrix = list(code.matrix_iter(scale=1, border=4))
    modules = len(matrix)
    step = size / modules
    drawing = Drawing(size, size)
    drawing.add(Rect(0, 0, size, size, fillColor=colors.white, strokeColor=None))
    for row, line in enumerate(matrix):
        for column, dark in enumerate(line):
            if dark:
                drawing.add(
                    Rect(
                        column * step,
                        size - (row + 1) * step,
                        step,
                        step,
                        fillColor=colors.black,
                        strokeColor=None,
                        strokeWidth=0,
                    )
                )
    renderPDF.draw(drawing, pdf, x, y)


def _centred(pdf: canvas.Canvas, text: str, *, y: float, font: str, size: float, colour) -> None:
    width, _ = landscape(A4)
    pdf.setFont(font, size)
    pdf.setFillColor(colour)
    pdf.drawCentredString(width / 2, y, text)


def _fit(text: str, *, font: str, size: float, width: float) -> float:
    """The largest font size up to `size` at which `text` fits in `width`."""
    while size > 10 and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 1
    return size


def certificate_pdf(certificate: Certificate, *, verify_url: str) -> bytes:
    """One A4 landscape page: the holder, the course, the dates, the CPD hours, the code and a
    QR code to `verify_url`."""
    _register_fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height), pageCompression=1)
    pdf.setTitle(f"Certificate {certificate.code}: {certificate.course_title}")
    pdf.setAuthor(AUTHOR)
    pdf.setSubject(f"Awarded to {certificate.holder_name}")
    pdf.setCreator(AUTHOR)

    # Frame: a thin border around the page, with a blue band across its top inside it.
    margin = 10 * mm
    band = 24 * mm
    pdf.setFillColor(NHS_BLUE)
    pdf.rect(margin, height - margin - band, width - 2 * margin, band, stroke=0, fill=1)
    pdf.setStrokeColor(NHS_BLUE)
    pdf.setLineWidth(1.2)
    pdf.rect(margin, margin, width - 2 * margin, height - 2 * margin, stroke=1, fill=0)
    pdf.setFillColor(colors.white)
    pdf.setFont(BOLD, 20)
    pdf.drawString(20 * mm, height - margin - 15 * mm, "STarT Back training")
    pdf.setFont(REGULAR, 11)
    pdf.drawRightString(
        width - 20 * mm, height - margin - 15 * mm, "Stratified care for low back pain"
    )

    _centred(
        pdf,
        "Certificate of completion",
        y=height - 52 * mm,
        font=BOLD,
        size=30,
        colour=NHS_DARK_BLUE,
    )
    _centred(
        pdf,
        "This is to certify that",
        y=height - 68 * mm,
        font=REGULAR,
        size=14,
        colour=NHS_SECONDARY_TEXT,
    )
    name_size = _fit(certificate.holder_name, font=BOLD, size=32, width=width - 60 * mm)
    _centred(
        pdf, certificate.holder_name, y=height - 86 * mm, font=BOLD, size=name_size, colour=NHS_TEXT
    )
    pdf.setStrokeColor(NHS_BLUE)
    pdf.setLineWidth(0.8)
    pdf.line(width / 2 - 80 * mm, height - 90 * mm, width / 2 + 80 * mm, height - 90 * mm)
    _centred(
        pdf,
        "has renewed their certification in"
        if certificate.renews_id
        else "has met the certification requirements of",
        y=height - 102 * mm,
        font=REGULAR,
        size=14,
        colour=NHS_SECONDARY_TEXT,
    )
    title_size = _fit(certificate.course_title, font=BOLD, size=20, width=width - 60 * mm)
    _centred(
        pdf,
        certificate.course_title,
        y=height - 116 * mm,
        font=BOLD,
        size=title_size,
        colour=NHS_BLUE,
    )

    # Facts, bottom left; the QR code, bottom right.
    facts = [
        ("Issued", _day(certificate.issued_on)),
        ("Valid until", _day(certificate.expires_on)),
        ("CPD hours", f"{certificate.cpd_hours.normalize():f}"),
        ("Certificate code", certificate.code),
    ]
    if certificate.renews is not None:
        facts.append(("Renews", certificate.renews.code))
    y = 62 * mm
    for label, value in facts:
        pdf.setFont(REGULAR, 11)
        pdf.setFillColor(NHS_SECONDARY_TEXT)
        pdf.drawString(24 * mm, y, label)
        pdf.setFont(BOLD, 12)
        pdf.setFillColor(NHS_TEXT)
        pdf.drawString(64 * mm, y, value)
        y -= 8 * mm

    qr_size = 42 * mm
    _qr(pdf, verify_url, x=width - 24 * mm - qr_size, y=22 * mm, size=qr_size)
    pdf.setFont(REGULAR, 8.5)
    pdf.setFillColor(NHS_SECONDARY_TEXT)
    pdf.drawRightString(width - 24 * mm, 18 * mm, "Check this certificate:")
    pdf.drawRightString(width - 24 * mm, 14 * mm, verify_url)
    pdf.drawString(24 * mm, 18 * mm, f"The Keele STarT Back Screening Tool: {startback.COPYRIGHT}.")
    pdf.drawString(
        24 * mm, 14 * mm, f"This certificate is issued by {AUTHOR}, not by Keele University."
    )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def cpd_record_pdf(*, holder_name: str, entries: Iterable, generated_on) -> bytes:
    """The holder's CPD record: one row per activity with its hours and their reflection."""
    _register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"CPD record: {holder_name}",
        author=AUTHOR,
        subject="Continuing professional development record",
        creator=AUTHOR,
    )
    heading = ParagraphStyle(
        "heading",
        fontName=BOLD,
        fontSize=18,
        leading=22,
        textColor=NHS_DARK_BLUE,
        spaceAfter=4 * mm,
    )
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=NHS_TEXT)
    label = ParagraphStyle("label", parent=body, fontName=BOLD)
    story = [
        Paragraph("CPD record", heading),
        Paragraph(f"{_escape(holder_name)}. Generated on {_day(generated_on)} by {AUTHOR}.", body),
        Spacer(1, 6 * mm),
    ]
    total = Decimal(0)
    for entry in entries:
        total += entry.hours
        rows = [
            [Paragraph("Date", label), Paragraph(_day(entry.date), body)],
            [Paragraph("Activity", label), Paragraph(_escape(entry.activity), body)],
            [Paragraph("Hours", label), Paragraph(f"{entry.hours.normalize():f}", body)],
            [Paragraph("Description", label), Paragraph(_escape(entry.description), body)],
            [Paragraph("What I learned", label), Paragraph(_escape(entry.learned) or "–", body)],
            [Paragraph("How I will apply it", label), Paragraph(_escape(entry.apply) or "–", body)],
            [
                Paragraph("Effect on my practice", label),
                Paragraph(_escape(entry.effect) or "–", body),
            ],
        ]
        table = Table(rows, colWidths=[45 * mm, None])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), NHS_PALE_GREY),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.8, NHS_BLUE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        story += [table, Spacer(1, 5 * mm)]
    story.append(Paragraph(f"Total: {total.normalize():f} hours", label))
    document.build(story)
    return buffer.getvalue()


def _escape(text: str) -> str:
    """Reportlab's paragraphs read a little markup: what the holder typed is shown as text."""
    return (
        (text or "")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", "<br/>")
    )
