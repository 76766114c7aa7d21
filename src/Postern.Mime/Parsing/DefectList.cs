namespace Postern.Mime.Parsing;

/// <summary>Collects defects, allocating only when there is one.</summary>
internal struct DefectList
{
    private List<MimeDefect>? _items;

    public readonly bool IsEmpty => _items is null;

    public void Add(MimeDefectKind kind, int offset, string? detail = null) =>
        (_items ??= []).Add(new MimeDefect(kind, offset, detail));

    public readonly IReadOnlyList<MimeDefect> ToReadOnly() => _items is null ? [] : _items.ToArray();
}
