namespace Postern.Storage;

/// <summary>A store operation failed for a reason the caller can report (not an infrastructure fault).</summary>
public class StoreException : Exception
{
    public StoreException(string message) : base(message)
    {
    }

    public StoreException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>The object to create already exists (a domain, account, alias or mailbox name is taken).</summary>
public sealed class StoreConflictException(string message) : StoreException(message);

/// <summary>The object an operation refers to does not exist (any more).</summary>
public sealed class StoreNotFoundException(string message) : StoreException(message);
