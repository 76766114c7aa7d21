namespace Postern.Mime.Parsing;

/// <summary>Where one header field lies in its buffer.</summary>
/// <param name="Start">Offset of the field name.</param>
/// <param name="NameEnd">End of the field name (white space before the colon excluded).</param>
/// <param name="ValueStart">Start of the value (white space after the colon excluded).</param>
/// <param name="ValueEnd">End of the value: its last line break excluded, and cut at the field-length cap.</param>
/// <param name="End">End of the field, its last line break included.</param>
internal readonly record struct FieldRange(int Start, int NameEnd, int ValueStart, int ValueEnd, int End);
