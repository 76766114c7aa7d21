using System.Diagnostics.CodeAnalysis;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>The outcome of parsing one request element: the typed request, or the error to answer with.</summary>
public readonly struct RequestParseResult
{
    private RequestParseResult(XimssRequest? request, string? id, XimssError? error)
    {
        Request = request;
        Id = id;
        Error = error;
    }

    /// <summary>The request, when parsing succeeded.</summary>
    public XimssRequest? Request { get; }

    /// <summary>The request's <c>id</c> when it had one (also on failure), for the <c>&lt;response id=…&gt;</c>.</summary>
    public string? Id { get; }

    /// <summary>Why the request was refused, when it was.</summary>
    public XimssError? Error { get; }

    /// <summary>True when <see cref="Request"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Request is not null;

    internal static RequestParseResult Success(XimssRequest request) => new(request, request.Id, null);

    internal static RequestParseResult Failure(string? id, XimssError error) => new(null, id, error);
}
