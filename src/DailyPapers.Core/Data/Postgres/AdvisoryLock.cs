using Npgsql;

namespace DailyPapers.Core.Data.Postgres;

/// <summary>
/// A session-level advisory lock, held on a connection of its own for as long as this object lives: the server frees it
/// when the holder's connection ends, so a node that dies never leaves one held.
/// </summary>
internal sealed class AdvisoryLock : IDisposable
{
    private readonly NpgsqlConnection _holder;
    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection holder, long key)
    {
        _holder = holder;
        _key = key;
    }

    /// <summary>Takes the lock <paramref name="key"/>, trying again while another session holds it; <paramref name="waiting"/> is called once.</summary>
    public static AdvisoryLock Take(string connectionString, long key, CancellationToken cancellationToken, Action? waiting = null, Action? held = null)
    {
        var holder = new NpgsqlConnection(connectionString);
        try
        {
            holder.Open();
            var told = false;
            while (holder.Number(null, "SELECT pg_try_advisory_lock(@key)", ("@key", key)) == 0)
            {
                if (!told)
                {
                    waiting?.Invoke();
                    told = true;
                }

                held?.Invoke();
                cancellationToken.WaitHandle.WaitOne(200);
                cancellationToken.ThrowIfCancellationRequested();
            }

            return new AdvisoryLock(holder, key);
        }
        catch
        {
            holder.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // Freed explicitly: a pooled connection keeps its session, and with it the lock, until it is next used. A
        // connection that broke meanwhile has lost its session, and the lock with it, already.
        try
        {
            _holder.Execute(null, "SELECT pg_advisory_unlock(@key)", ("@key", _key));
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            NpgsqlConnection.ClearPool(_holder);
        }

        _holder.Dispose();
    }
}
