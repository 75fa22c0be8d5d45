package io.seicheck.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strings to values, walked a character at a time: finds every key that starts at a position of a text
 * without building substrings. Children sit in sorted arrays, found by binary search.
 */
final class CharTrie<V> {

    private final Node<V> root = new Node<>();

    static final class Node<V> {
        private char[] keys = new char[0];
        @SuppressWarnings("unchecked")
        private Node<V>[] children = new Node[0];
        private final List<V> values = new ArrayList<>(1);

        Node<V> child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i < 0 ? null : children[i];
        }

        List<V> values() {
            return values;
        }

        private Node<V> childOrNew(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) {
                return children[i];
            }
            int at = -i - 1;
            Node<V> node = new Node<>();
            char[] k = new char[keys.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            k[at] = c;
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            @SuppressWarnings("unchecked")
            Node<V>[] n = new Node[children.length + 1];
            System.arraycopy(children, 0, n, 0, at);
            n[at] = node;
            System.arraycopy(children, at, n, at + 1, children.length - at);
            keys = k;
            children = n;
            return node;
        }
    }

    /** Adds a value under a key; a key may hold several values, each kept once. */
    void put(String key, V value) {
        Node<V> node = root;
        for (int i = 0; i < key.length(); i++) {
            node = node.childOrNew(key.charAt(i));
        }
        if (!node.values.contains(value)) {
            node.values.add(value);
        }
    }

    Node<V> root() {
        return root;
    }
}
