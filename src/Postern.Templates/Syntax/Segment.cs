namespace Postern.Templates.Syntax;

internal enum SegmentKind
{
    /// <summary>Markup passed through as it is.</summary>
    Text,

    /// <summary><c>%%…%%</c>.</summary>
    TextElement,

    /// <summary><c>&lt;!--%%…--&gt;</c>.</summary>
    StructuralElement,
}

/// <summary>One piece of a WSSP file: literal text or an element, with the offsets of its content.</summary>
internal readonly record struct Segment(SegmentKind Kind, int Start, int ContentStart, int ContentEnd);
