using System.Buffers;
using Postern.Ximss.Protocol.Framing;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>Turns a request element into a typed <see cref="XimssRequest"/>, or the error to answer with.</summary>
/// <remarks>
/// Checks run in this order, and the first failure is reported: the <c>id</c> attribute (mandatory,
/// CGP XMLAPI); the operation name (<c>unknown command</c>, 500); whether the operation is allowed in
/// the session's state; then the operation's own attributes and children. Never throws on bad input.
/// </remarks>
public static class XimssRequestParser
{
    /// <summary>
    /// Parses one frame from <see cref="XimssFrameReader"/>: XML first (a syntax error yields a failure
    /// without an id), then the request. Answer a Flash policy request before calling this.
    /// </summary>
    public static RequestParseResult Parse(in XimssFrame frame, bool authenticated, XimssLimits? limits = null) =>
        Parse(frame.Payload, authenticated, limits);

    /// <summary>Parses one message's UTF-8 bytes: XML first, then the request.</summary>
    public static RequestParseResult Parse(in ReadOnlySequence<byte> utf8, bool authenticated, XimssLimits? limits = null) =>
        XimssXmlParser.TryParse(utf8, out var element, out var error, limits)
            ? Parse(element, authenticated, limits)
            : RequestParseResult.Failure(null, error);

    /// <summary>Parses <paramref name="element"/> for a session that is, or is not yet, <paramref name="authenticated"/>.</summary>
    public static RequestParseResult Parse(XimssElement element, bool authenticated, XimssLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        var id = element.FindAttribute("id");
        if (string.IsNullOrEmpty(id))
            return RequestParseResult.Failure(null, XimssError.MissingRequestId);
        if (!XimssOperations.TryGet(element.Name, out var operation))
            return RequestParseResult.Failure(id, XimssError.UnknownCommand);
        if (!operation.IsAllowed(authenticated))
            return RequestParseResult.Failure(id, authenticated ? XimssError.AlreadyLoggedIn : XimssError.NotLoggedIn);

        var reader = new RequestElementReader(element, id, limits ?? XimssLimits.Default);
        var request = operation.Parse(reader);
        return reader.Error is { } error ? RequestParseResult.Failure(id, error) : RequestParseResult.Success(request);
    }
}
