namespace Postern.Mime.Parsing;

/// <summary>What <see cref="HeaderScanner"/> found in one header block.</summary>
/// <param name="Fields">The indexed fields, in order.</param>
/// <param name="Start">Offset of the first field (after an mbox "From " line, if one was skipped).</param>
/// <param name="FieldsEnd">End of the last field line, which is where the empty line (if any) starts.</param>
/// <param name="BodyStart">Offset just after the empty line that ends the block.</param>
/// <param name="ContentTypeIndex">Index in <paramref name="Fields"/> of the first Content-Type, or -1.</param>
/// <param name="TransferEncodingIndex">Index of the first Content-Transfer-Encoding, or -1.</param>
internal readonly record struct HeaderBlock(
    FieldRange[] Fields,
    int Start,
    int FieldsEnd,
    int BodyStart,
    int ContentTypeIndex,
    int TransferEncodingIndex);
