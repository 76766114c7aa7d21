namespace Postern.Ximss.Protocol.Requests;

/// <summary>One XIMSS operation: its canonical element name, when it may be used, and its parser.</summary>
public sealed class XimssOperation
{
    private readonly Func<RequestElementReader, XimssRequest> _parse;

    internal XimssOperation(string name, RequestPhase phase, Func<RequestElementReader, XimssRequest> parse)
    {
        Name = name;
        Phase = phase;
        _parse = parse;
    }

    /// <summary>The element name as CGP documents it (e.g. <c>mailboxList</c>).</summary>
    public string Name { get; }

    /// <summary>Whether the operation is allowed before login, after it, or both.</summary>
    public RequestPhase Phase { get; }

    /// <summary>True when the operation may run in a session that is (or is not) authenticated.</summary>
    public bool IsAllowed(bool authenticated) => Phase switch
    {
        RequestPhase.BeforeLogin => !authenticated,
        RequestPhase.AfterLogin => authenticated,
        _ => true,
    };

    internal XimssRequest Parse(RequestElementReader reader) => _parse(reader);
}
