namespace Postern.Accounts;

/// <summary>A request about domains or accounts cannot be done; the message says why in words fit for the user.</summary>
public class AccountsException(string message) : Exception(message);

/// <summary>The domain, account or alias named does not exist.</summary>
public sealed class UnknownNameException(string message) : AccountsException(message);
