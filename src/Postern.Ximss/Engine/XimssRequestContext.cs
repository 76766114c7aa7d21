using Postern.Ximss.Protocol.Xml;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Engine;

/// <summary>What an operation handler works with for one request.</summary>
public sealed class XimssRequestContext
{
    internal XimssRequestContext(XimssChannel channel, XimssOutput output)
    {
        Channel = channel;
        Output = output;
    }

    public XimssChannel Channel { get; }

    /// <summary>The session; null only for pre-login operations.</summary>
    public XimssSession? Session => Channel.Session;

    /// <summary>The session of an after-login operation (the state gate guarantees one).</summary>
    public XimssSession RequiredSession => Channel.Session ?? throw new InvalidOperationException("This operation runs only in a session.");

    /// <summary>Where the request's data messages go; write them with the request's <c>id</c>.</summary>
    public XimssXmlWriter Writer => Output.Writer;

    /// <summary>The batch output, to flush long answers (<see cref="XimssOutput.FlushAsync"/>).</summary>
    public XimssOutput Output { get; }
}
