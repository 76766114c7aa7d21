namespace Postern.Templates;

/// <summary>What REQUESTRESOURCE(), REQUESTSOURCEIP() and REQUESTSECURE() report about the HTTP request.</summary>
/// <param name="Resource">The local part of the URL with its parameters (<c>/Session/x/Mailbox.wssp?Mailbox=INBOX</c>).</param>
/// <param name="SourceAddress">The client's IP address as text.</param>
/// <param name="IsSecure">Whether the request came over HTTPS.</param>
public sealed record TemplateRequest(string Resource, string? SourceAddress, bool IsSecure);

/// <summary>Finds the compiled WSSP files that INCLUDE names (a skin and its parents, cached).</summary>
public interface ITemplateResolver
{
    /// <summary>The compiled file, or <see langword="null"/> when no such file exists.</summary>
    /// <exception cref="TemplateCompileException">The file exists but does not compile.</exception>
    CompiledTemplate? Resolve(string fileName);
}
