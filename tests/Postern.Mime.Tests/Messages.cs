using System.Text;
using Postern.Testing;

namespace Postern.Mime.Tests;

/// <summary>Loads test messages from TestData/ and from inline text.</summary>
internal static class Messages
{
    public static MimeMessage Load(string relativePath, MimeLimits? limits = null) =>
        MimeMessage.Parse(TestData.Bytes(relativePath.Split('/')), limits);

    /// <summary>Parses inline text, line breaks as written (use \r\n or \n explicitly).</summary>
    public static MimeMessage FromText(string text, MimeLimits? limits = null) =>
        MimeMessage.Parse(Encoding.UTF8.GetBytes(text), limits);

    public static string Utf8(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
