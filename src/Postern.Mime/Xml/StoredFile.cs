namespace Postern.Mime.Xml;

/// <summary>A file from the account's File Storage that an <c>&lt;EMail&gt;</c> attaches by name.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="MediaType">Its media type (e.g. <c>application</c>), when the store knows it.</param>
/// <param name="MediaSubtype">Its subtype (e.g. <c>pdf</c>), when the store knows it.</param>
public sealed record StoredFile(ReadOnlyMemory<byte> Content, string? MediaType = null, string? MediaSubtype = null);
