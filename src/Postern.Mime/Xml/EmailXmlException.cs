namespace Postern.Mime.Xml;

/// <summary>An <c>&lt;EMail&gt;</c> element a client sent cannot be turned into a message; the text says why.</summary>
public sealed class EmailXmlException : FormatException
{
    /// <summary>Creates the exception with a message for the client.</summary>
    public EmailXmlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EmailXmlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public EmailXmlException()
        : base("The EMail element is not valid.")
    {
    }
}
