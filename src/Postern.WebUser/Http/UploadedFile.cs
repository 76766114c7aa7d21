namespace Postern.WebUser.Http;

/// <summary>A file sent with a multipart form (an attachment chosen on the Compose page).</summary>
/// <param name="ParameterName">The form field that carried it (<c>Attachment</c>).</param>
/// <param name="FileName">The file name the browser gave, without any path.</param>
/// <param name="ContentType">The media type the browser gave, or <c>application/octet-stream</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record UploadedFile(string ParameterName, string FileName, string ContentType, ReadOnlyMemory<byte> Content);
