package io.seicheck.screening;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** A job's upload read back from the database piece by piece through a cursor, on a connection of its own. */
final class UploadInput extends InputStream {

    private final Connection connection;
    private final PreparedStatement query;
    private final ResultSet pieces;
    private byte[] piece = new byte[0];
    private int position;

    UploadInput(DataSource dataSource, UUID job) throws SQLException {
        this.connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false); // a cursor needs a transaction
            connection.setReadOnly(true);
            query = connection.prepareStatement("SELECT data FROM screening_upload WHERE job_id = ? ORDER BY piece");
            query.setFetchSize(2);
            query.setObject(1, job);
            pieces = query.executeQuery();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return piece[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, piece.length - position);
        System.arraycopy(piece, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (position == piece.length) {
            try {
                if (!pieces.next()) {
                    return false;
                }
                piece = pieces.getBytes(1);
                position = 0;
            } catch (SQLException e) {
                throw new IOException("The upload cannot be read from the database: " + e.getMessage(), e);
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        try (connection; query; pieces) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
