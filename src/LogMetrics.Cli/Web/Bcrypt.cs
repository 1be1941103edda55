using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace LogMetrics.Cli.Web;

/// <summary>Checks passwords against bcrypt hashes with libxcrypt's crypt_rn (the C library every Linux ships).</summary>
internal static partial class Bcrypt
{
    /// <summary>Larger than libxcrypt's struct crypt_data (32 KiB); crypt_rn is told the real size.</summary>
    private const int CryptDataSize = 1 << 16;

    public static unsafe bool Verify(string password, string hash)
    {
        var data = NativeMemory.AllocZeroed(CryptDataSize);
        try
        {
            var result = CryptRn(password, hash, (IntPtr)data, CryptDataSize);
            if (result == IntPtr.Zero)
            {
                return false;
            }

            var computed = Marshal.PtrToStringUTF8(result);
            // crypt() signals failure with a string starting with '*'.
            return computed is { Length: > 0 } && computed[0] != '*'
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(computed), Encoding.UTF8.GetBytes(hash));
        }
        finally
        {
            NativeMemory.Free(data);
        }
    }

    [LibraryImport("libcrypt.so.1", EntryPoint = "crypt_rn", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr CryptRn(string phrase, string setting, IntPtr data, int size);
}
